/*
 * replay: run a fuzz target's LLVMFuzzerTestOneInput on saved inputs
 * without libFuzzer, so "make test" replays every corpus and regression
 * file under the sanitizers.  Each argument is a file, or a directory
 * whose regular files are all fed (subdirectories are not entered).
 * Silent on success; exits 1 when an input cannot be read.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Feed one file to the target.  The bytes sit in a buffer of exactly
 * their size, so the sanitizer sees any read past the end.
 */
static int
replay_file(const char *path)
{
	FILE		*f;
	struct stat	 st;
	uint8_t		*data = NULL;
	size_t		 len;
	int		 rc = -1;

	if ((f = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fstat(fileno(f), &st) == -1) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		goto out;
	}
	len = (size_t)st.st_size;
	if ((data = malloc(len ? len : 1)) == NULL) {
		fprintf(stderr, "replay: %s: out of memory\n", path);
		goto out;
	}
	if (len > 0 && fread(data, 1, len, f) != len) {
		fprintf(stderr, "replay: %s: short read\n", path);
		goto out;
	}
	LLVMFuzzerTestOneInput(data, len);
	rc = 0;
out:
	free(data);
	fclose(f);
	return rc;
}

/*
 * Feed every regular file of a directory, in name order so that runs
 * are repeatable.
 */
static int
replay_dir(const char *dir)
{
	struct dirent	**ents = NULL;
	struct stat	  st;
	char		 *path;
	int		  i, n, rc = 0;

	if ((n = scandir(dir, &ents, NULL, alphasort)) == -1) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (asprintf(&path, "%s/%s", dir, ents[i]->d_name) == -1) {
			fprintf(stderr, "replay: out of memory\n");
			rc = -1;
		} else {
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
			    replay_file(path) == -1)
				rc = -1;
			free(path);
		}
		free(ents[i]);
	}
	free(ents);
	return rc;
}

/*
 * Replay every input named on the command line; exit 0 when all of them
 * were read (a crash in the target ends the process before that).
 */
int
main(int argc, char *argv[])
{
	struct stat	 st;
	int		 i, rc = 0;

	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) == -1) {
			fprintf(stderr, "replay: %s: %s\n", argv[i],
			    strerror(errno));
			rc = 1;
		} else if (S_ISDIR(st.st_mode)) {
			if (replay_dir(argv[i]) == -1)
				rc = 1;
		} else if (replay_file(argv[i]) == -1)
			rc = 1;
	}
	return rc;
}
