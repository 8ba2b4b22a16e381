# Checks __len__ drives len() and truthiness; a negative length is a ValueError.
class Playlist:
    def __init__(self, songs):
        self.songs = songs
    def __len__(self):
        return len(self.songs)
print(len(Playlist(["a", "b"])), bool(Playlist([])), bool(Playlist(["x"])))
class Broken:
    def __len__(self):
        return -1
try:
    len(Broken())
except ValueError as error:
    print("ValueError:", error)
