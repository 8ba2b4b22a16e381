# What a ClientSession sends and what its responses hold: methods, query parameters,
# JSON and form bodies, headers, redirects, and the status of every kind of answer.
import asyncio

import aiohttp

BASE = "https://httpbin.org"


async def main():
    async with aiohttp.ClientSession(headers={"X-Session": "kept"}) as session:
        async with session.get(BASE + "/get", params={"q": "async io", "page": 2}) as response:
            data = await response.json()
            print(response.status, response.reason, response.ok, response.url)
            print(data["args"], data["headers"]["X-Session"])
            print(response.headers["content-type"], response.content_type, response.charset)

        async with session.post(BASE + "/post", json={"tasks": [1, 2, 3]}) as response:
            data = await response.json()
            print("json:", data["json"], data["headers"]["Content-Type"])

        async with session.post(BASE + "/post", data={"name": "Ada", "lang": "Python"}) as response:
            print("form:", (await response.json())["form"])

        async with session.post(BASE + "/post", data=b"\x00\x01raw") as response:
            print("bytes:", (await response.json())["data"])

        for method in ("put", "patch", "delete"):
            call = getattr(session, method)
            async with call(BASE + "/" + method, headers={"X-Call": method}) as response:
                data = await response.json()
                print(method, response.status, data["headers"]["X-Call"], data["url"])

        async with session.head(BASE + "/get") as response:
            print("head:", response.status, await response.read())

        async with session.get(BASE + "/redirect/2") as response:
            print("redirected to", response.url, response.status)

        async with session.get(BASE + "/bytes/16?seed=7") as response:
            body = await response.read()
            print("bytes:", len(body), type(body).__name__)

        async with session.get(BASE + "/html") as response:
            text = await response.text()
            print("html:", response.charset, text.count("<h1>"), "Moby-Dick" in text)

        for status in (201, 204, 404, 500):
            async with session.get(f"{BASE}/status/{status}") as response:
                print(status, response.status, response.reason, response.ok)


asyncio.run(main())
