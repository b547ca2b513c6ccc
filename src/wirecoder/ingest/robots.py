"""robots.txt rules, read as RFC 9309 says (the Robots Exclusion Protocol).

``urllib.robotparser`` takes the first rule that matches and knows neither ``*`` nor ``$`` in
paths, so ``Disallow: /*?print=`` would let every print page through. Here:

* the groups whose ``user-agent`` is our product token (case-insensitive) apply, merged; if there
  are none, the ``*`` groups; if there are none either, everything is allowed;
* of the rules that match a URL's path (with its query), the one with the longest pattern wins,
  and an ``allow`` wins a tie; ``*`` matches any run of characters, a final ``$`` the end;
* ``/robots.txt`` itself is always allowed; an empty ``disallow`` is no rule;
* ``crawl-delay`` (not in the RFC, but widely used) of the chosen groups is kept.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

__all__ = ["RobotsRules", "parse_robots"]


@dataclass(frozen=True, slots=True)
class _Rule:
    allow: bool
    pattern: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """The rules of one site's robots.txt that apply to one user agent."""

    rules: tuple[_Rule, ...] = ()
    crawl_delay: float | None = None

    def allows(self, url: str) -> bool:
        """True when ``url`` (on the site these rules came from) may be fetched."""
        parts = urlsplit(url)
        path = _normalise(parts.path or "/") + (f"?{_normalise(parts.query)}" if parts.query else "")
        if path == "/robots.txt":
            return True
        best: _Rule | None = None
        for rule in self.rules:
            if not rule.regex.match(path):
                continue
            if (
                best is None
                or len(rule.pattern) > len(best.pattern)
                or (len(rule.pattern) == len(best.pattern) and rule.allow)
            ):
                best = rule
        return best is None or best.allow


def parse_robots(text: str, product_token: str) -> RobotsRules:
    """The rules of robots.txt ``text`` that apply to ``product_token`` (e.g. ``wirecoder``)."""
    token = product_token.lower()
    ours: list[tuple[list[_Rule], list[float]]] = []
    anyone: list[tuple[list[_Rule], list[float]]] = []
    agents: list[str] = []
    rules: list[_Rule] = []
    delays: list[float] = []
    in_rules = False  # a user-agent line after rules starts a new group

    def close_group() -> None:
        if any(agent == token for agent in agents):
            ours.append((rules, delays))
        elif "*" in agents:
            anyone.append((rules, delays))

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, colon, value = line.partition(":")
        if not colon:
            continue
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                close_group()
                agents, rules, delays, in_rules = [], [], [], False
            agents.append(value.lower())
        elif key in ("allow", "disallow"):
            in_rules = True
            if value:
                rules.append(_rule(key == "allow", value))
        elif key == "crawl-delay":
            in_rules = True
            with contextlib.suppress(ValueError):  # a malformed delay is ignored, like any bad line
                delays.append(float(value))
    close_group()

    chosen = ours or anyone
    merged = tuple(rule for group_rules, _ in chosen for rule in group_rules)
    found = [delay for _, group_delays in chosen for delay in group_delays if delay >= 0]
    return RobotsRules(rules=merged, crawl_delay=max(found) if found else None)


def _rule(allow: bool, pattern: str) -> _Rule:
    pattern = _normalise(pattern)
    if not pattern.startswith(("/", "*")):
        pattern = "/" + pattern
    anchored = pattern.endswith("$")
    body = pattern[:-1] if anchored else pattern
    regex = ".*".join(re.escape(part) for part in body.split("*")) + ("$" if anchored else "")
    return _Rule(allow=allow, pattern=pattern, regex=re.compile(regex))


def _normalise(text: str) -> str:
    # Compare paths as decoded characters, so /caf%C3%A9 and /café are the same path; keep an
    # encoded slash encoded, since it is not a path separator.
    return unquote(text.replace("%2F", "%252F").replace("%2f", "%252F"))
