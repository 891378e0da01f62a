/*
 * A copy of the database in one file (report backup, audit.md): what the
 * database holds at one moment, the changes still in its -wal included,
 * as a database of its own.  Copying the database file alone while a -wal
 * exists is no such copy: the -wal's changes are missing, or half there.
 */
#ifndef JZ_BACKUP_H
#define JZ_BACKUP_H

struct db;

/* Write db into the file to, which must be empty (VACUUM INTO); name is
 * the copy's name for messages.  Exits 74 when that fails. */
void db_backup(struct db *db, const char *to, const char *name);

#endif
