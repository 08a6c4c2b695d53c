package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/oneway-lint/oneway/internal/atomicfile"
	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/internal/baseline"
	"github.com/oneway-lint/oneway/internal/gitrev"
	"github.com/oneway-lint/oneway/internal/inputfile"
	"github.com/oneway-lint/oneway/internal/report"
)

// compare marks the decisions of rep that are not new: those recorded in
// the -baseline file (old, read before the audit), or those the code at -new-from-rev (or at the merge
// base with -new-from-merge-base) already had. A decision is new when its
// fingerprint (rule, component, package, subject) is not among the old
// ones as often as it is among the new: a whole-program decision that
// appears because of one new query (a table becoming shared) is new even
// though the table is old.
func compare(ctx context.Context, env Env, f auditFlags, opts audit.Options, rep *report.Report, old *baseline.File) (int, bool) {
	switch {
	case old != nil: // read by readBaseline before the audit
	case f.newFromRev != "" || f.newFromMergeBase != "":
		var err error
		old, err = auditAtRevision(ctx, env, f, opts)
		if err != nil {
			if ctx.Err() != nil {
				return auditFailed(env, nil, fmt.Errorf("%w: %w", audit.ErrInterrupted, context.Cause(ctx))), false
			}
			fmt.Fprintf(env.Stderr, "oneway: %v\n", err)
			return ExitUsage, false
		}
	default:
		return 0, true
	}
	if resolved := baseline.Apply(rep, old); resolved > 0 {
		fmt.Fprintf(env.Stderr, "oneway: %d decisions of the baseline are gone (resolved)\n", resolved)
	}
	return 0, true
}

// readBaseline reads the -baseline file, if any: before the audit, so
// that a file that cannot serve fails at once.
func readBaseline(env Env, name string) (*baseline.File, error) {
	if name == "" {
		return nil, nil
	}
	data, err := inputfile.Read(abs(env, name), inputfile.BaselineLimit)
	if err != nil {
		return nil, fmt.Errorf("reading the baseline: %w", err)
	}
	old, err := baseline.Read(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return old, nil
}

// auditAtRevision audits the same packages, with the same policy, in a
// temporary work tree of the revision, and returns its decisions as a
// baseline.
func auditAtRevision(ctx context.Context, env Env, f auditFlags, opts audit.Options) (*baseline.File, error) {
	top, err := gitrev.Toplevel(ctx, env.Dir)
	if err != nil {
		return nil, err
	}
	rev, commit := f.newFromRev, ""
	if rev != "" {
		commit, err = gitrev.Resolve(ctx, env.Dir, rev)
	} else {
		rev = f.newFromMergeBase
		commit, err = gitrev.MergeBase(ctx, env.Dir, rev)
	}
	if err != nil {
		return nil, fmt.Errorf("revision %s: %w", rev, err)
	}
	wt, remove, err := gitrev.Checkout(ctx, env.Dir, commit)
	if err != nil {
		return nil, err
	}
	if env.OnExit != nil {
		defer env.OnExit(remove)() // a second interrupt removes it too
	}
	defer remove()
	sub, err := filepath.Rel(top, env.Dir)
	if err != nil {
		return nil, err
	}
	old := opts
	old.Dir = filepath.Join(wt, sub)
	old.Log, old.Progress = nil, nil
	old.Transient = true
	rep, err := audit.Run(ctx, old)
	switch {
	case errors.Is(err, audit.ErrInterrupted):
		return nil, err
	case errors.Is(err, audit.ErrNothingAnalysed), errors.Is(err, audit.ErrNoPackages):
		// Nothing to compare with: at that revision the code did not
		// exist or did not build, so every decision is new.
		fmt.Fprintf(env.Stderr, "oneway: at %s (%.12s) nothing could be analysed: every decision counts as new\n", rev, commit)
		return &baseline.File{Version: baseline.Version}, nil
	case err != nil:
		return nil, fmt.Errorf("auditing %s: %w", rev, err)
	}
	return baseline.FromReport(rep), nil
}

func writeBaseline(env Env, name string, rep *report.Report) error {
	data, err := baseline.FromReport(rep).Encode()
	if err != nil {
		return err
	}
	return atomicfile.Write(abs(env, name), data, 0o644)
}
