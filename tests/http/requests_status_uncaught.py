# An uncaught HTTPError ends the program with requests' message.
import requests

response = requests.get("https://httpbin.org/status/404")
print("status", response.status_code)
response.raise_for_status()
