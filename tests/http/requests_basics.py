# requests: methods, parameters, bodies, headers, statuses and its exceptions.
import requests

BASE = "https://httpbin.org"

response = requests.get(BASE + "/get", params={"q": "blocking io", "n": 3},
                        headers={"X-Test": "yes"})
print(response, response.status_code, response.reason, response.ok, response.url)
data = response.json()
print(data["args"], data["headers"]["X-Test"])
print(response.headers["content-type"], response.headers.get("CONTENT-TYPE"), response.encoding)

response = requests.post(BASE + "/post", json={"answer": 42})
print("json:", response.json()["json"], response.json()["headers"]["Content-Type"])
response = requests.post(BASE + "/post", data={"name": "Ada"})
print("form:", response.json()["form"])
response = requests.put(BASE + "/put", data="plain text")
print("put:", response.json()["data"])
print("patch:", requests.patch(BASE + "/patch").status_code,
      "delete:", requests.delete(BASE + "/delete").status_code)
response = requests.head(BASE + "/get")
print("head:", response.status_code, response.content)

with requests.Session() as session:
    session.headers["X-Session"] = "kept"
    response = session.get(BASE + "/headers")
    print("session:", response.json()["headers"]["X-Session"])

response = requests.get(BASE + "/redirect/2")
print("redirected to", response.url)

for status in (404, 500):
    response = requests.get(f"{BASE}/status/{status}")
    print(status, response.status_code, response.reason, response.ok, bool(response))
    try:
        response.raise_for_status()
    except requests.HTTPError as error:
        print("HTTPError:", error, error.response.status_code)

try:
    requests.get(BASE + "/html").json()
except requests.exceptions.JSONDecodeError as error:
    print("JSONDecodeError:", error)

try:
    requests.get(BASE + "/delay/3", timeout=0.5)
except requests.Timeout as error:
    print("timed out:", type(error).__name__)

try:
    requests.get("http://127.0.0.1:1/get")
except requests.ConnectionError as error:
    print("no connection:", type(error).__name__, isinstance(error, OSError))

for url in ("not a url", "ftp://example.com/file", "http://"):
    try:
        requests.get(url)
    except requests.RequestException as error:
        print(type(error).__name__ + ":", error)
