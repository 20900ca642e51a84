"""The Qt window of SAKIP Desktop. It calls the services; it never opens the database."""
