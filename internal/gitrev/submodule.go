package gitrev

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// localEnv is what git calls the variables local to a repository (git
// rev-parse --local-env-vars). A hook that runs oneway may set them for
// the user's repository; the commands run in the submodule clones must
// not see them.
var localEnv = []string{
	"GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_CONFIG",
	"GIT_CONFIG_COUNT", "GIT_CONFIG_PARAMETERS", "GIT_DIR", "GIT_GRAFT_FILE",
	"GIT_IMPLICIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS",
	"GIT_OBJECT_DIRECTORY", "GIT_PREFIX", "GIT_REPLACE_REF_BASE",
	"GIT_SHALLOW_FILE", "GIT_WORK_TREE",
}

// fillSubmodules fills in the submodules of the work tree wt, checked out
// at commit, from their copies in the working tree top, without the
// network: each submodule that is initialised in top (it has a .git) is
// cloned from there, sharing its objects, into the same path of wt and
// checked out at the commit that commit records for it; then its own
// submodules are filled in the same way. The clones live inside wt,
// nothing is registered in the submodules' repositories, and removing wt
// removes them. A submodule not initialised in top stays empty, as it is
// in top. A recorded commit that is not available locally is an error.
func fillSubmodules(ctx context.Context, top, wt, commit string) error {
	env := without(os.Environ(), localEnv...)
	gitIn := func(dir string, args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", args...)
		cmd.Dir, cmd.Env = dir, env
		return run(cmd)
	}
	out, err := gitIn(wt, "ls-tree", "-r", "-z", "--full-tree", commit)
	if err != nil {
		return err
	}
	for _, entry := range strings.Split(out, "\x00") {
		info, path, ok := strings.Cut(entry, "\t")
		fields := strings.Fields(info)
		if !ok || len(fields) != 3 || fields[0] != "160000" {
			continue
		}
		sha, rel := fields[2], filepath.FromSlash(path)
		src, dst := filepath.Join(top, rel), filepath.Join(wt, rel)
		if _, err := os.Lstat(filepath.Join(src, ".git")); err != nil {
			continue // not initialised here: the working tree lacks it too
		}
		if _, err := gitIn(wt, "clone", "--quiet", "--shared", "--no-checkout", src, dst); err != nil {
			return fmt.Errorf("submodule %s: %w", path, err)
		}
		if _, err := gitIn(dst, "cat-file", "-e", sha+"^{commit}"); err != nil {
			return fmt.Errorf("submodule %s: commit %s is not available locally (git submodule update fetches it)", path, sha)
		}
		if _, err := gitIn(dst, "-c", "submodule.recurse=false", "checkout", "--quiet", "--detach", sha); err != nil {
			return fmt.Errorf("submodule %s: %w", path, err)
		}
		if err := fillSubmodules(ctx, src, dst, sha); err != nil {
			return fmt.Errorf("submodule %s: %w", path, err)
		}
	}
	return nil
}
