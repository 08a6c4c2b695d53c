// Package nogo holds one package per oneway analyzer, each exporting the
// single Analyzer variable that Bazel's nogo (rules_go) expects:
//
//	nogo(
//	    name = "nogo",
//	    deps = [
//	        "@com_github_oneway_lint_oneway//nogo/coupling",
//	        "@com_github_oneway_lint_oneway//nogo/data",
//	        "@com_github_oneway_lint_oneway//nogo/unversionedroute",
//	        "@com_github_oneway_lint_oneway//nogo/unversionedproto",
//	        "@com_github_oneway_lint_oneway//nogo/storagemodel",
//	    ],
//	    config = "nogo.json",
//	)
//
// The analyzers are plain values with no global state, configured through
// their flags (nogo.json "analyzer_flags"), with gob-encodable,
// deterministic facts.
package nogo
