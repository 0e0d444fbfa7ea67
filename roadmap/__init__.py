"""Digital-Roadmap für KMU: the pure planning core (no user interface)."""
