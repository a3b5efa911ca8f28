-- workload.sql: the SQLite shell on databases in files, fed on stdin
-- ("sqlite3 < workload.sql"). Everything happens in the current directory
-- through SQLite's default unix VFS: an on-disk database with tables and
-- indexes, transactions that commit and roll back (the rollback journal),
-- savepoints, a second database attached and committed to in the same
-- transaction (the super-journal), a CSV file written with .once and read
-- back with .import, .dump, .backup, VACUUM INTO, and the database opened
-- again read-only. It ends with the size and SHA3-256 of every file it
-- leaves behind (the shell's readfile() and sha3()), so that a run whose
-- files cannot be looked at from outside (wasm32-wasi-vfs) is compared
-- through its output alone.
.bail off
.headers on
.mode list
.print == an on-disk database
.open test.db
PRAGMA page_size;
PRAGMA journal_mode;
CREATE TABLE author(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                    born INTEGER);
CREATE TABLE book(id INTEGER PRIMARY KEY, author INTEGER REFERENCES author(id),
                  title TEXT NOT NULL, year INTEGER, price REAL, cover BLOB);
CREATE INDEX book_year ON book(year);
CREATE INDEX book_author_title ON book(author, title);
INSERT INTO author(name, born) VALUES
  ('Ada', 1815), ('Grace', 1906), ('Edsger', 1930), ('Barbara', 1939);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
INSERT INTO book(author, title, year, price, cover)
  SELECT 1 + i % 4, 'Title ' || i, 1950 + i % 70, round(i * 1.37, 2),
         zeroblob(i % 50) FROM n;
SELECT count(*), sum(price), min(year), max(year), sum(length(cover)) FROM book;
SELECT a.name, count(*) AS books, round(avg(b.price), 4) AS avg_price
  FROM book b JOIN author a ON a.id = b.author GROUP BY a.name ORDER BY a.name;
EXPLAIN QUERY PLAN SELECT title FROM book WHERE year = 1999;
EXPLAIN QUERY PLAN SELECT id FROM book WHERE author = 2 AND title > 'Title 5';
SELECT title, year FROM book WHERE year = 1999 ORDER BY title LIMIT 3;
SELECT count(*) FROM sqlite_schema;
PRAGMA page_count;

.print == transactions
BEGIN;
DELETE FROM book WHERE year < 1990;
SELECT count(*) AS during FROM book;
ROLLBACK;
SELECT count(*) AS after_rollback FROM book;
BEGIN;
UPDATE book SET price = price * 2 WHERE author = 1;
SAVEPOINT s1;
DELETE FROM book WHERE author = 2;
SELECT count(*) AS in_savepoint FROM book;
ROLLBACK TO s1;
RELEASE s1;
COMMIT;
SELECT count(*), round(sum(price), 2) FROM book;
-- A transaction larger than the page cache: pages spill to the file
-- before the commit.
PRAGMA cache_size = 10;
BEGIN;
UPDATE book SET title = title || ' (revised)' || substr(hex(zeroblob(200)), 1, id % 300);
SELECT count(*) FROM book WHERE title LIKE '%revised%';
ROLLBACK;
PRAGMA cache_size = -2000;
SELECT count(*) FROM book WHERE title LIKE '%revised%';
INSERT INTO author(name) VALUES ('Ada');
SELECT count(*) FROM author;

.print == an attached database
ATTACH 'other.db' AS other;
CREATE TABLE other.review(book INTEGER, stars INTEGER, text TEXT);
INSERT INTO other.review
  SELECT id, id % 5 + 1, 'review of ' || title FROM book WHERE id % 7 = 0;
SELECT b.title, r.stars FROM book b JOIN other.review r ON r.book = b.id
  ORDER BY b.id LIMIT 5;
BEGIN;
UPDATE book SET price = price + 1 WHERE id = 7;
UPDATE other.review SET stars = 0 WHERE book = 7;
COMMIT;
SELECT b.price, r.stars FROM book b, other.review r WHERE b.id = 7 AND r.book = 7;
BEGIN;
DELETE FROM other.review;
DELETE FROM book WHERE id = 14;
ROLLBACK;
SELECT count(*) FROM other.review;
SELECT seq, name FROM pragma_database_list;
DETACH other;

.print == CSV out and in
.mode csv
.once data.csv
SELECT id, title, price FROM book WHERE id <= 12
UNION ALL SELECT 9999, 'a "quoted", comma, and
newline', NULL
ORDER BY 1;
.import data.csv imported
.mode list
SELECT count(*), sum(id), max(length(title)) FROM imported;
SELECT * FROM imported WHERE id = '9999';
.schema imported
DROP TABLE imported;

.print == .dump
.dump author

.print == .backup and VACUUM INTO
.backup backup.db
VACUUM INTO 'vacuumed.db';
.open backup.db
SELECT count(*), round(sum(price), 2) FROM book;
PRAGMA integrity_check;
.open vacuumed.db
SELECT count(*) FROM book;
PRAGMA freelist_count;

.print == read-only
.open --readonly test.db
SELECT count(*) FROM book;
INSERT INTO author(name) VALUES ('not written');
SELECT count(*) FROM author;
.open test.db
INSERT INTO author(name) VALUES ('written');
SELECT count(*) FROM author;
PRAGMA integrity_check;

.print == numbers
SELECT 0.1 + 0.2, 1e300 * 10, -1e300 * 10, 1.0 / 3, 2.0 / 3, 100.0 / 7;
SELECT 123456789.123456789, 1e-300, 9007199254740993, 1.5e15 + 0.5;
SELECT printf('%.20f', 0.1), printf('%!.20g', 1.0 / 3), printf('%.3e', 6.02214076e23);
SELECT quote(1.0 / 3), CAST(1.0 / 3 AS TEXT), round(2.5), round(-2.5);

.print == files left behind
.open test.db
SELECT column1 AS name, length(readfile(column1)) AS bytes,
       hex(sha3(readfile(column1))) AS sha3
  FROM (VALUES ('test.db'), ('other.db'), ('backup.db'), ('vacuumed.db'),
               ('data.csv'));
SELECT readfile('data.csv');
