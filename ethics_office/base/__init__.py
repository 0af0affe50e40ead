"""The base layer: errors, the gate, encryption, clock, uploads, storage, the registry, roles.

Imports nothing of the project (an import-linter contract checks it).
"""
