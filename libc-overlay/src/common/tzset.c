/*
 * tzset.c - tzset, tzname, timezone, daylight. A module has no time-zone
 * database and wasi-libc's localtime is UTC whatever TZ says, so the
 * zone tzset establishes is always UTC: tzname is {"UTC", "UTC"},
 * timezone 0, daylight 0, the values glibc and musl give for TZ=UTC.
 */
#include <time.h>

char *tzname[2] = {"UTC", "UTC"};
long timezone;
int daylight;

void tzset(void)
{
}
