"""corearchive's builtin plugins, installed as ``corearchive_plugins``.

Each module is one plugin, declared in the ``corearchive`` entry-point group of corearchive's
own ``pyproject.toml`` and loaded exactly like a third-party plugin.
"""
