"""iwmo-gateway: an iWmo message gateway for a Dutch municipality and its care providers."""

__version__ = "0.1.0"
