"""The gongwen sub-commands, one module each; the only layer that wires stages together."""
