// The page's side of the app's storage and files, loaded before the app starts.
//
// tcStorage: IndexedDB database "tension-check", object store "entries": one entry per
// session, note, trash item, set-aside item and the settings,
// keyed like the desktop's files ("sessions/<id>.ron"), each the same RON text. Every
// entry is read before the app starts (the app keeps a copy in memory); the app's
// changes come back through write(), which resolves once IndexedDB has them. Sessions
// an older build kept in localStorage are moved in once. The browser is asked to keep
// the data (navigator.storage.persist()), so it is not cleared to free space.
//
// tcFiles: hands a file to the person (the share sheet, else a download) and opens the
// file picker.

const DB_NAME = "tension-check";
const STORE = "entries";
const LEGACY_PREFIX = "tension-check/sessions/";

const promised = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});
const finished = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve();
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error || new Error("the browser cancelled the write"));
});

function openDb() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error("another tab holds an older version of the storage open"));
  });
}

// Sessions from localStorage (builds before IndexedDB) move in, never replacing an
// entry; they leave localStorage only once IndexedDB has them.
async function migrate(db) {
  let legacy = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(LEGACY_PREFIX)) legacy.push(key);
    }
  } catch { legacy = []; }
  if (!legacy.length) return;
  const tx = db.transaction(STORE, "readwrite");
  const store = tx.objectStore(STORE);
  for (const key of legacy) {
    const request = store.add(localStorage.getItem(key), "sessions/" + key.slice(LEGACY_PREFIX.length));
    // Already there: keep the entry, go on with the others.
    request.onerror = (event) => { event.preventDefault(); event.stopPropagation(); };
  }
  await finished(tx);
  for (const key of legacy) localStorage.removeItem(key);
}

let db = null;
let problem = null;
let entries = [];

export async function openStorage() {
  try {
    if (!("indexedDB" in self)) throw new Error("this browser has no IndexedDB");
    db = await openDb();
    await migrate(db);
    const store = db.transaction(STORE).objectStore(STORE);
    const [keys, values] = await Promise.all([promised(store.getAllKeys()), promised(store.getAll())]);
    entries = keys.map((key, i) => [String(key), String(values[i])]);
  } catch (error) {
    console.error("storage:", error);
    problem = `the browser's storage is not available (${error && error.message || error}); ` +
      "nothing can be saved in this window (a private window may be the reason)";
  }
  if (navigator.storage && navigator.storage.persist) {
    navigator.storage.persist()
      .then((granted) => { self.tcStorage.persisted = granted; })
      .catch(() => {});
  }
}

self.tcStorage = {
  persisted: false,
  entries: () => entries,
  problem: () => problem ?? undefined,
  // [[key, text or null], ...] in one transaction: all stored, or none.
  write(writes) {
    if (!db) return Promise.reject(new Error(problem || "the storage is not open"));
    const tx = db.transaction(STORE, "readwrite", { durability: "strict" });
    const store = tx.objectStore(STORE);
    for (const [key, text] of writes) {
      if (text === null || text === undefined) store.delete(key);
      else store.put(text, key);
    }
    return finished(tx).catch((error) => {
      throw new Error(error && error.name === "QuotaExceededError"
        ? "the browser's storage is full"
        : `the browser did not store it (${error && error.message || error})`);
    });
  },
};

self.tcFiles = {
  // The share sheet where the browser can share this file, else a download.
  async give(name, mime, bytes, share) {
    const file = new File([bytes], name, { type: mime });
    if (share && navigator.canShare && navigator.canShare({ files: [file] })) {
      try {
        await navigator.share({ files: [file], title: name });
        return "shared";
      } catch (error) {
        if (error && error.name === "AbortError") return "cancelled";
      }
    }
    const url = URL.createObjectURL(file);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.style.display = "none";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return "downloaded";
  },
  // Resolves to [name, text], or null when the person closes the picker.
  pick(accept) {
    return new Promise((resolve) => {
      const input = document.createElement("input");
      input.type = "file";
      input.accept = accept;
      input.style.display = "none";
      input.addEventListener("change", async () => {
        const file = input.files && input.files[0];
        input.remove();
        resolve(file ? [file.name, await file.text()] : null);
      });
      input.addEventListener("cancel", () => { input.remove(); resolve(null); });
      document.body.append(input);
      input.click();
    });
  },
};
