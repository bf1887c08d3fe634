"""Reading hand-edited YAML files so that every error names the line and column.

A facilitator edits codebooks and question sets in a text editor; when a field is wrong, the
message must say where. ``MarkedYaml`` composes the file into nodes (which keep their
position) and offers typed reads that raise the caller's error class with
"<file>: line L, column C: <problem>".
"""

from __future__ import annotations

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class MarkedYaml:
    def __init__(self, name: str, error: type[Exception]) -> None:
        self.name = name  # the file's name, as the messages show it
        self._error = error

    def root(self, text: str) -> yaml.Node:
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
            raise self._error(f"{self.name}: {where}not valid YAML ({exc.problem})") from None
        if root is None:
            raise self._error(f"{self.name}: the file is empty")
        return root

    def error(self, node: yaml.Node, message: str) -> Exception:
        mark = node.start_mark
        return self._error(
            f"{self.name}: line {mark.line + 1}, column {mark.column + 1}: {message}"
        )

    def mapping(
        self, node: yaml.Node, allowed: set[str], required: set[str], check: bool = True
    ) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            wanted = ", ".join(sorted(required)) or "fields"
            raise self.error(node, f"expected a mapping with {wanted}")
        fields: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if not check:
                fields[key] = value_node
                continue
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.error(key_node, f"unknown field {key!r} (known: {known})")
            if key in fields:
                raise self.error(key_node, f"field {key!r} appears twice")
            fields[key] = value_node
        missing = sorted(required - set(fields))
        if missing:
            raise self.error(node, f"missing field {missing[0]!r}")
        return fields

    def sequence(self, node: yaml.Node) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, "expected a list")
        return list(node.value)

    def scalar(self, node: yaml.Node) -> str:
        if not isinstance(node, yaml.ScalarNode):
            raise self.error(node, "expected a single value")
        return str(node.value).strip()

    def integer(self, node: yaml.Node, what: str = "a number") -> int:
        value = self.scalar(node)
        if not value.isdigit():
            raise self.error(node, f"expected {what}, not {value!r}")
        return int(value)

    def strings(self, node: yaml.Node | None) -> tuple[str, ...]:
        if node is None:
            return ()
        return tuple(s for s in (self.scalar(item) for item in self.sequence(node)) if s)

    def checked(self, build, node: yaml.Node):
        """``build()``, with an error it raises placed at ``node``."""
        try:
            return build()
        except self._error as exc:
            raise self.error(node, str(exc)) from None
