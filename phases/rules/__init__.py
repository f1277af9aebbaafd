"""The checker's rules, free of the database: the classifier, how lab numbers are read and
checked, and the wording the explanations must keep. The content models validate explanation
texts against these rules, so they sit below content; the checker page builds on both."""
