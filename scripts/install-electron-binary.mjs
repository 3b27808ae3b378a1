// Placeholder replaced by the CI/scripts work.
