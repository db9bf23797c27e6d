"""Maps: the map model, its styles and one renderer per medium (interactive, static, small, slides, lineages)."""
