// The few @vscode-elements components the panel uses, imported one by one: the package's main
// entry registers every component it has, which would put all of them in the bundle.
import VscodeButton from '@vscode-elements/react-elements/dist/components/VscodeButton.js';

export { VscodeButton };
