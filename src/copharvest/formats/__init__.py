"""Builtin output formats, each a plugin (see ``copharvest.plugins.DEFAULT_PLUGINS``)."""
