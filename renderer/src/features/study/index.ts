/** The study screen and what it is made of; the Library uses `LibraryStudy`. */
export * from './format';
export * from './LibraryStudy';
export * from './StudyScreen';
export * from './study-keys';
