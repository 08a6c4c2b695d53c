package billing

// Open is the root package's surface.
const Open = "open"
