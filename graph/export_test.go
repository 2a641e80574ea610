package graph

// FailNextWrite makes the store's next transaction fail after the backend
// applied part of it.
func FailNextWrite(s *Store) {
	s.mu.Lock()
	s.failNext = true
	s.mu.Unlock()
}
