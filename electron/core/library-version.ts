/** Current version of library.json; bump it together with a migration in store/migrations. */
export const LIBRARY_VERSION = 5;
