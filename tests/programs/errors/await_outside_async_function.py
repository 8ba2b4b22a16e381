# Checks the SyntaxError for await used in a plain function.
import asyncio
def main():
    await asyncio.sleep(1)
