"""The Dashboard: the weekly look at the whole network (figures, charts, who is fading)."""
