/*
 * squish - squeeze files with run-length encoding, the way compress(1)
 * and gzip(1) do their files: a program of the kind people recompile
 * unchanged, used here to show a wasm32-wasi-vfs module working on host
 * files that reach it only through streams.
 *
 *   squish [-cdfklv] [FILE...]
 *
 * FILE becomes FILE.sq (mode and times kept; FILE removed unless -k);
 * -d turns FILE.sq back into FILE; -c writes to standard output and keeps
 * FILE; -f overwrites an existing output; -l lists FILE.sq: sizes and
 * name; -v reports each file on standard error. With no FILE, standard
 * input goes to standard output. Directories are refused. Exit status 0,
 * 1 when some file failed, 2 on bad usage.
 *
 * Format: "SQ1", the original size (4 bytes, little endian, modulo 2^32),
 * then records: a byte n < 128 and n+1 literal bytes, or a byte n >= 128
 * and one byte to repeat n-125 times (3 to 130).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include <utime.h>

static int cflag, dflag, fflag, kflag, lflag, vflag;
static const char *progname = "squish";

static unsigned long total;	/* bytes of original data seen */

static void
put(FILE *out, const unsigned char *p, size_t n)
{
	if (fwrite(p, 1, n, out) != n) {
		perror("write");
		exit(1);
	}
}

static void
flush_literal(FILE *out, unsigned char *lit, int *nlit)
{
	unsigned char n;

	if (*nlit == 0)
		return;
	n = (unsigned char)(*nlit - 1);
	put(out, &n, 1);
	put(out, lit, *nlit);
	*nlit = 0;
}

static int
squeeze(FILE *in, FILE *out)
{
	unsigned char lit[128], rec[2], hdr[7];
	int c, prev = EOF, run = 0, nlit = 0;
	long start = ftell(out);

	memcpy(hdr, "SQ1\0\0\0\0", 7);
	put(out, hdr, 7);
	total = 0;
	for (;;) {
		c = getc(in);
		if (c != EOF)
			total++;
		if (c != EOF && c == prev && run < 130) {
			run++;
			continue;
		}
		/* the run of prev ends here */
		if (run >= 3) {
			flush_literal(out, lit, &nlit);
			rec[0] = (unsigned char)(run + 125);
			rec[1] = (unsigned char)prev;
			put(out, rec, 2);
		} else {
			while (run-- > 0) {
				lit[nlit++] = (unsigned char)prev;
				if (nlit == 128)
					flush_literal(out, lit, &nlit);
			}
		}
		if (c == EOF)
			break;
		prev = c;
		run = 1;
	}
	flush_literal(out, lit, &nlit);
	if (ferror(in))
		return -1;
	/* the size goes in the header when the output can seek */
	if (start >= 0 && fseek(out, start + 3, SEEK_SET) == 0) {
		hdr[3] = total & 255;
		hdr[4] = (total >> 8) & 255;
		hdr[5] = (total >> 16) & 255;
		hdr[6] = (total >> 24) & 255;
		put(out, hdr + 3, 4);
		fseek(out, 0L, SEEK_END);
	}
	return 0;
}

static int
unsqueeze(FILE *in, FILE *out, const char *name)
{
	unsigned char hdr[7], buf[130];
	int n, c, i;

	if (fread(hdr, 1, 7, in) != 7 || memcmp(hdr, "SQ1", 3) != 0) {
		fprintf(stderr, "%s: %s: not in squished format\n", progname,
		    name);
		return -1;
	}
	total = 0;
	while ((n = getc(in)) != EOF) {
		if (n < 128) {
			if (fread(buf, 1, n + 1, in) != (size_t)n + 1)
				goto corrupt;
			put(out, buf, n + 1);
			total += n + 1;
		} else {
			if ((c = getc(in)) == EOF)
				goto corrupt;
			for (i = 0; i < n - 125; i++)
				buf[i] = (unsigned char)c;
			put(out, buf, n - 125);
			total += n - 125;
		}
	}
	return 0;
corrupt:
	fprintf(stderr, "%s: %s: unexpected end of file\n", progname, name);
	return -1;
}

static int
list(const char *name)
{
	unsigned char hdr[7];
	struct stat st;
	FILE *f;
	unsigned long orig;

	if ((f = fopen(name, "rb")) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) < 0 || fread(hdr, 1, 7, f) != 7 ||
	    memcmp(hdr, "SQ1", 3) != 0) {
		fprintf(stderr, "%s: %s: not in squished format\n", progname,
		    name);
		fclose(f);
		return -1;
	}
	orig = hdr[3] | hdr[4] << 8 | (unsigned long)hdr[5] << 16 |
	    (unsigned long)hdr[6] << 24;
	printf("%10ld %10lu %s\n", (long)st.st_size, orig, name);
	fclose(f);
	return 0;
}

static int
do_file(const char *name)
{
	char outname[4096];
	struct stat st;
	struct utimbuf times;
	FILE *in, *out;
	size_t len = strlen(name);
	int r;

	if (lflag)
		return list(name);
	if (stat(name, &st) < 0) {
		fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, "%s: %s: is a directory -- ignored\n", progname,
		    name);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr, "%s: %s: not a regular file -- ignored\n",
		    progname, name);
		return -1;
	}
	if (dflag) {
		if (len < 4 || strcmp(name + len - 3, ".sq") != 0) {
			fprintf(stderr, "%s: %s: unknown suffix -- ignored\n",
			    progname, name);
			return -1;
		}
		snprintf(outname, sizeof outname, "%.*s", (int)(len - 3), name);
	} else {
		if (len >= 3 && strcmp(name + len - 3, ".sq") == 0) {
			fprintf(stderr, "%s: %s: already has .sq suffix -- "
			    "unchanged\n", progname, name);
			return -1;
		}
		snprintf(outname, sizeof outname, "%s.sq", name);
	}
	if ((in = fopen(name, "rb")) == NULL) {
		fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(errno));
		return -1;
	}
	if (cflag) {
		out = stdout;
	} else {
		if (!fflag && access(outname, F_OK) == 0) {
			fprintf(stderr, "%s: %s already exists\n", progname,
			    outname);
			fclose(in);
			return -1;
		}
		if ((out = fopen(outname, "wb")) == NULL) {
			fprintf(stderr, "%s: %s: %s\n", progname, outname,
			    strerror(errno));
			fclose(in);
			return -1;
		}
	}
	r = dflag ? unsqueeze(in, out, name) : squeeze(in, out);
	fclose(in);
	if (cflag) {
		fflush(stdout);
		return r;
	}
	if (fclose(out) != 0 || r < 0) {
		unlink(outname);
		return -1;
	}
	/* the output gets the input's mode and times, as compress does */
	chmod(outname, st.st_mode & 07777);
	times.actime = st.st_atime;
	times.modtime = st.st_mtime;
	utime(outname, &times);
	if (vflag) {
		struct stat ost;
		if (stat(outname, &ost) == 0)
			fprintf(stderr, "%s: %ld%% -- replaced with %s\n", name,
			    st.st_size ? (long)(100 - 100 * (dflag ?
			    st.st_size : ost.st_size) / (dflag ? ost.st_size :
			    st.st_size)) : 0L, outname);
	}
	if (!kflag && unlink(name) < 0) {
		fprintf(stderr, "%s: %s: %s\n", progname, name, strerror(errno));
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int c, status = 0;

	while ((c = getopt(argc, argv, "cdfklv")) != -1) {
		switch (c) {
		case 'c': cflag = 1; break;
		case 'd': dflag = 1; break;
		case 'f': fflag = 1; break;
		case 'k': kflag = 1; break;
		case 'l': lflag = 1; break;
		case 'v': vflag = 1; break;
		default:
			fprintf(stderr, "usage: %s [-cdfklv] [file ...]\n",
			    progname);
			return 2;
		}
	}
	if (optind == argc) {
		if (lflag) {
			fprintf(stderr, "%s: -l needs files\n", progname);
			return 2;
		}
		if ((dflag ? unsqueeze(stdin, stdout, "stdin") :
		    squeeze(stdin, stdout)) < 0)
			return 1;
		if (vflag)
			fprintf(stderr, "stdin: %lu bytes\n", total);
		return 0;
	}
	for (; optind < argc; optind++)
		if (do_file(argv[optind]) < 0)
			status = 1;
	return status;
}
