"""The viewers' reserved names, apart from the rules about them (wargame.engine.visibility).

A command line names a viewer before anything is loaded (``wargame play --as public``):
this module imports nothing, so the app's first frame can know whose it is without the
engine.
"""

Viewer = str
CONTROL = "control"
PUBLIC = "public"
