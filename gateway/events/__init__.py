"""Events for the municipality's systems: the catalogue, the writer other layers call, and the relay to Kafka.

Importing this package imports nothing heavy; the modules inside import SQLAlchemy and aiokafka.
"""
