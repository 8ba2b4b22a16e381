"""There are no threads: the threading module does not exist.

Cause: the interpreter runs on one thread, the browser tab's (a Web Worker), and its
concurrency is asyncio's.
Workaround: use asyncio tasks; for blocking work, split it into steps that await
asyncio.sleep(0) between them.
"""
import threading

worker = threading.Thread(target=print, args=("from a thread",))
worker.start()
worker.join()
