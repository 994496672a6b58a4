// Package customtypes holds framework custom attribute types shared by
// several resources.
package customtypes
