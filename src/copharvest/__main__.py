"""``python -m copharvest``."""

from copharvest.cli import main

if __name__ == "__main__":
    main()
