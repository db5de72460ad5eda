// The directory module's front door: its pages for the route table.
export { default as DirectoryPage } from './DirectoryPage';
export { default as DirectoryProfilePage } from './DirectoryProfilePage';
export { default as MyDirectoryProfilePage } from './MyDirectoryProfilePage';
export { default as PublicDirectoryPage } from './PublicDirectoryPage';
