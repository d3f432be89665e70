"""Files drawn from a brief (share images, PDF editions), cached by a hash of what they show.

Not a Pelican plugin: the shared machinery of the plugins that draw such files. A file missing from the cache
is drawn once, in worker processes beside Pelican where there is a spare core, written atomically under its
hash, and placed into the output as a hard link (or a copy: plugin_support.files's `write_atomically` and
`link_or_copy`); an unchanged rebuild draws nothing.
"""

from .pool import DrawingPool, Job, cache_folder, stop_every_pool, worker_count

__all__ = ["DrawingPool", "Job", "cache_folder", "stop_every_pool", "worker_count"]
