"""urllib: the package of urllib.parse (urllib.request and friends are not provided; use
aiohttp or requests)."""
