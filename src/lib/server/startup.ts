// Registers the start-up tasks (corpus import, demo data) in the order they must run.
export {};
