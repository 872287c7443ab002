auth-sign-in = Sign in
auth-sign-out = Sign out
auth-sign-in-title = Sign in to Muster
auth-sign-in-lead = Use the account your training officer or administrator gave you.
auth-username = Username
auth-password = Password
