"""Dependency graph helpers: cycles (strongly connected components) and prerequisites."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def cycles(depends_on: Mapping[str, Sequence[str]]) -> list[tuple[list[str], list[str]]]:
    """Every group of measures that depend on each other in a circle: (all members, one named loop).

    Only edges between keys of the mapping count. Iterative Tarjan, so deep chains of
    thousands of measures do not hit Python's recursion limit.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in depends_on:
        if root in index:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child_pos = work.pop()
            if child_pos == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = [c for c in depends_on[node] if c in depends_on]
            if child_pos < len(children):
                work.append((node, child_pos + 1))
                child = children[child_pos]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in depends_on[node]:
                    components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return [(sorted(component), _loop_through(component, depends_on)) for component in components]


def _loop_through(component: list[str], depends_on: Mapping[str, Sequence[str]]) -> list[str]:
    """One concrete loop inside a strongly connected component, starting at its smallest id."""
    members = set(component)
    start = min(component)
    # Breadth-first search back to the start gives the shortest loop, easy to read aloud.
    previous: dict[str, str] = {}
    frontier = [start]
    seen = {start}
    while frontier:
        following = []
        for node in frontier:
            for child in depends_on[node]:
                if child == start:
                    loop = [node]
                    while loop[-1] != start:
                        loop.append(previous[loop[-1]])
                    return list(reversed(loop))
                if child in members and child not in seen:
                    seen.add(child)
                    previous[child] = node
                    following.append(child)
        frontier = following
    return sorted(component)


def prerequisites(targets: set[str], depends_on: Mapping[str, Sequence[str]]) -> set[str]:
    """All measures the targets depend on, directly or indirectly (targets not included)."""
    found: set[str] = set()
    todo = [d for t in targets for d in depends_on.get(t, ())]
    while todo:
        node = todo.pop()
        if node in found or node not in depends_on:
            continue
        found.add(node)
        todo.extend(depends_on[node])
    return found - targets
