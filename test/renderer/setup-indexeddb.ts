// Gives the Node test environment a spec-compliant IndexedDB so Dexie runs unmodified.
import 'fake-indexeddb/auto';
