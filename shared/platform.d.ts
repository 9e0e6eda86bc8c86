/**
 * The globals shared/ may use: present in every browser and in Node.js, declared here because
 * shared/ sees neither the DOM's nor Node's type definitions.
 */
declare var crypto: { getRandomValues<T extends ArrayBufferView>(array: T): T };
declare function structuredClone<T>(value: T): T;
