"""Stories: near-duplicate articles (copies, edits, updates, rewrites of one report) grouped together,
and the events they share counted once.

shingles (words -> hashed k-word shingles) -> minhash (signatures) -> lsh (band keys) -> index
(incremental grouping with a date guard) -> merge (one event per source, target, root, date in a
story). The store keeps the signatures, so articles coded later join the stories already there.
"""

from wirecoder.stories.index import Assignment, StoryIndex, StoryParams, story_id_for
from wirecoder.stories.merge import Mention, MergedEvent, merge_events, outlet_of

__all__ = [
    "Assignment",
    "Mention",
    "MergedEvent",
    "StoryIndex",
    "StoryParams",
    "merge_events",
    "outlet_of",
    "story_id_for",
]
