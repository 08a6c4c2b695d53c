// Package config loads the shop service settings from command-line flags
// and environment variables.
package config
