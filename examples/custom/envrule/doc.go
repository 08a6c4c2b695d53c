// Package envrule is an example of a team's own oneway rule family: it
// finds environment variables read outside the config package.
//
// # Analyzer envread
//
// envread: report environment variables read outside the config package
//
// Every os.Getenv("NAME") scattered through a code base is a piece of the
// deployment contract that nobody owns: renaming the variable, or moving
// configuration to a file or a secret store, means finding every reader
// and every deployment that sets it. Read the environment in one place.
package envrule
