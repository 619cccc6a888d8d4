"""State changes of classes and learning: classes and joins (classes.py), progress,
certificates and erasure. Keyword-only, typed; views, tasks and commands call them."""
