# Checks current_task() with no running loop raises RuntimeError.
import asyncio
try:
    asyncio.current_task()
except RuntimeError as error:
    print("RuntimeError:", error)
try:
    asyncio.get_running_loop()
except RuntimeError as error:
    print("RuntimeError:", error)
