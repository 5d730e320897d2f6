// Setup for the mutation run only: a property that fails is reported at its first counterexample.
// Shrinking it (the default) reruns the property many times, up to minutes for the SRP vectors
// (each case is checked against a slow reference), and a mutant is just as killed without it.
import fc from 'fast-check';

fc.configureGlobal({ endOnFailure: true });
