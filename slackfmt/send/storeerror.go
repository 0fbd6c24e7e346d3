package send

// StoreError is a failed Store operation. A Bot does not return it from
// Send (the message was delivered) but passes it to the WithErrorHandler
// function.
type StoreError struct {
	// Op is the Store method that failed: "get", "put" or "delete".
	Op string
	// Key is the key it was called with.
	Key string
	// Err is the error the Store returned.
	Err error
}

// Error returns a message such as "send: store put arn:…: timeout".
func (e *StoreError) Error() string {
	msg := "failed"
	if e.Err != nil {
		msg = e.Err.Error()
	}
	return "send: store " + e.Op + " " + e.Key + ": " + msg
}

// Unwrap returns the Store's error.
func (e *StoreError) Unwrap() error { return e.Err }
